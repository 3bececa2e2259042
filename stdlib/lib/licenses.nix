# lib.licenses: licenses in nixpkgs' shape, under nixpkgs' attribute names. Every
# license has `shortName` (its attribute name unless given), `fullName`, `free`
# (default true), `redistributable` (default: `free`), `deprecated` (default false),
# and, when it has an SPDX identifier, `spdxId` and `url` (the SPDX page). Only a
# subset of nixpkgs' list is here; the data is SPDX's.
{ lib }:
let
  mkLicense =
    shortName: declared:
    let
      withDefaults = {
        inherit shortName;
        free = true;
        deprecated = false;
      } // declared;
      withUrl =
        if withDefaults ? spdxId then
          withDefaults // { url = "https://spdx.org/licenses/${withDefaults.spdxId}.html"; }
        else
          withDefaults;
    in
    { redistributable = withUrl.free; } // withUrl;

  spdx = spdxId: fullName: { inherit spdxId fullName; };
in
builtins.mapAttrs mkLicense {
  afl3 = spdx "AFL-3.0" "Academic Free License v3.0";
  agpl3Only = spdx "AGPL-3.0-only" "GNU Affero General Public License v3.0 only";
  agpl3Plus = spdx "AGPL-3.0-or-later" "GNU Affero General Public License v3.0 or later";
  artistic1 = spdx "Artistic-1.0" "Artistic License 1.0";
  artistic2 = spdx "Artistic-2.0" "Artistic License 2.0";
  asl20 = spdx "Apache-2.0" "Apache License 2.0";
  boost = spdx "BSL-1.0" "Boost Software License 1.0";
  bsd0 = spdx "0BSD" "BSD Zero Clause License";
  bsd1 = spdx "BSD-1-Clause" "BSD 1-Clause License";
  bsd2 = spdx "BSD-2-Clause" ''BSD 2-clause "Simplified" License'';
  bsd2Patent = spdx "BSD-2-Clause-Patent" "BSD-2-Clause Plus Patent License";
  bsd3 = spdx "BSD-3-Clause" ''BSD 3-clause "New" or "Revised" License'';
  bsd3Clear = spdx "BSD-3-Clause-Clear" "BSD 3-Clause Clear License";
  bsdOriginal = spdx "BSD-4-Clause" ''BSD 4-clause "Original" or "Old" License'';
  cc0 = spdx "CC0-1.0" "Creative Commons Zero v1.0 Universal";
  cc-by-30 = spdx "CC-BY-3.0" "Creative Commons Attribution 3.0";
  cc-by-40 = spdx "CC-BY-4.0" "Creative Commons Attribution 4.0";
  cc-by-sa-30 = spdx "CC-BY-SA-3.0" "Creative Commons Attribution Share Alike 3.0";
  cc-by-sa-40 = spdx "CC-BY-SA-4.0" "Creative Commons Attribution Share Alike 4.0";
  cc-by-nc-40 = spdx "CC-BY-NC-4.0" "Creative Commons Attribution Non Commercial 4.0 International" // {
    free = false;
  };
  cc-by-nc-sa-40 = spdx "CC-BY-NC-SA-4.0" "Creative Commons Attribution Non Commercial Share Alike 4.0" // {
    free = false;
  };
  cddl = spdx "CDDL-1.0" "Common Development and Distribution License 1.0";
  curl = spdx "curl" "curl License";
  epl10 = spdx "EPL-1.0" "Eclipse Public License 1.0";
  epl20 = spdx "EPL-2.0" "Eclipse Public License 2.0";
  eupl12 = spdx "EUPL-1.2" "European Union Public License 1.2";
  fdl13Only = spdx "GFDL-1.3-only" "GNU Free Documentation License v1.3 only";
  fdl13Plus = spdx "GFDL-1.3-or-later" "GNU Free Documentation License v1.3 or later";
  ftl = spdx "FTL" "Freetype Project License";
  gpl1Only = spdx "GPL-1.0-only" "GNU General Public License v1.0 only";
  gpl1Plus = spdx "GPL-1.0-or-later" "GNU General Public License v1.0 or later";
  gpl2Only = spdx "GPL-2.0-only" "GNU General Public License v2.0 only";
  gpl2Plus = spdx "GPL-2.0-or-later" "GNU General Public License v2.0 or later";
  gpl3Only = spdx "GPL-3.0-only" "GNU General Public License v3.0 only";
  gpl3Plus = spdx "GPL-3.0-or-later" "GNU General Public License v3.0 or later";
  hpnd = spdx "HPND" "Historical Permission Notice and Disclaimer";
  ijg = spdx "IJG" "Independent JPEG Group License";
  isc = spdx "ISC" "ISC License";
  lgpl2Only = spdx "LGPL-2.0-only" "GNU Library General Public License v2 only";
  lgpl2Plus = spdx "LGPL-2.0-or-later" "GNU Library General Public License v2 or later";
  lgpl21Only = spdx "LGPL-2.1-only" "GNU Lesser General Public License v2.1 only";
  lgpl21Plus = spdx "LGPL-2.1-or-later" "GNU Lesser General Public License v2.1 or later";
  lgpl3Only = spdx "LGPL-3.0-only" "GNU Lesser General Public License v3.0 only";
  lgpl3Plus = spdx "LGPL-3.0-or-later" "GNU Lesser General Public License v3.0 or later";
  libpng = spdx "Libpng" "libpng License";
  libpng2 = spdx "libpng-2.0" "PNG Reference Library version 2";
  mit = spdx "MIT" "MIT License";
  mit0 = spdx "MIT-0" "MIT No Attribution";
  mpl11 = spdx "MPL-1.1" "Mozilla Public License 1.1";
  mpl20 = spdx "MPL-2.0" "Mozilla Public License 2.0";
  ncsa = spdx "NCSA" "University of Illinois/NCSA Open Source License";
  ofl = spdx "OFL-1.1" "SIL Open Font License 1.1";
  openssl = spdx "OpenSSL" "OpenSSL License";
  postgresql = spdx "PostgreSQL" "PostgreSQL License";
  psfl = spdx "Python-2.0" "Python Software Foundation License version 2";
  ruby = spdx "Ruby" "Ruby License";
  sleepycat = spdx "Sleepycat" "Sleepycat License";
  unicode-dfs-2016 = spdx "Unicode-DFS-2016" "Unicode License Agreement - Data Files and Software (2016)";
  unlicense = spdx "Unlicense" "The Unlicense";
  vim = spdx "Vim" "Vim License";
  w3c = spdx "W3C" "W3C Software Notice and License";
  wtfpl = spdx "WTFPL" "Do What The F*ck You Want To Public License";
  zlib = spdx "Zlib" "zlib License";
  zpl21 = spdx "ZPL-2.1" "Zope Public License 2.1";

  # Deprecated names nixpkgs keeps for the GNU licenses (use the -only/-or-later ones).
  gpl2 = spdx "GPL-2.0" "GNU General Public License v2.0" // { deprecated = true; };
  gpl3 = spdx "GPL-3.0" "GNU General Public License v3.0" // { deprecated = true; };
  lgpl21 = spdx "LGPL-2.1" "GNU Lesser General Public License v2.1" // { deprecated = true; };
  lgpl3 = spdx "LGPL-3.0" "GNU Lesser General Public License v3.0" // { deprecated = true; };

  # Licenses without an SPDX identifier.
  free = {
    fullName = "Unspecified free software license";
  };
  publicDomain = {
    fullName = "Public Domain";
  };
  unfree = {
    fullName = "Unfree";
    free = false;
  };
  unfreeRedistributable = {
    fullName = "Unfree redistributable";
    free = false;
    redistributable = true;
  };
  unfreeRedistributableFirmware = {
    fullName = "Unfree redistributable firmware";
    # As in nixpkgs: free for its checks, since it may be shipped.
    redistributable = true;
  };
}
