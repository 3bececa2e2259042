[ (builtins.placeholder "out") (placeholder "dev") (placeholder "") ]
