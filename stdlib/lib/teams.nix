# lib.teams: nixpkgs' shape ({ members, scope, shortName, githubTeams }), with
# placeholder entries only (see maintainers.nix); an unknown team is a missing
# attribute.
{ lib }:
{
  ferrix = {
    members = [ lib.maintainers.ferrix lib.maintainers.example ];
    scope = "Ferrix's standard library.";
    shortName = "Ferrix";
    githubTeams = [ ];
  };
}
