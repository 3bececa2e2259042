# A package file for callPackageWith's tests.
{ name, flag }:
{
  text = "${name}/${flag}";
}
