builtins.fetchTarball {
  url = 42;
}
