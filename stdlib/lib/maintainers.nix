# lib.maintainers: nixpkgs' shape ({ name, email, github, githubId }), but NOT nixpkgs'
# list: Ferrix ships only these placeholder entries. As in nixpkgs, naming a
# maintainer that is not here (`lib.maintainers.someone`) is a missing attribute;
# mkDerivation never forces `meta.maintainers`, so a package naming unknown
# maintainers evaluates and builds until something reads that list.
{ lib }:
{
  ferrix = {
    name = "Ferrix";
    email = "ferrix@example.org";
    github = "ferrix";
    githubId = 1;
  };
  example = {
    name = "Example Maintainer";
    email = "maintainer@example.org";
    github = "example-maintainer";
    githubId = 2;
  };
}
