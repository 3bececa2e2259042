"a${/nonexistent-ferrix-test/x}b"
