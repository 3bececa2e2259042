[ ''  two leading'' ''trailing  '' ]
