{ inherit notDefinedAnywhere; }
