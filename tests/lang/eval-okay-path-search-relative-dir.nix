import <testlib/dir>
