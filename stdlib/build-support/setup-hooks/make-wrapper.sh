# makeWrapper's setup hook: shell functions that write wrapper scripts (run by
# @shell@) setting a program's environment, working directory and arguments before
# running it. The flags are nixpkgs' make-shell-wrapper.sh's:
#   --argv0 NAME              the program's argv[0] is NAME
#   --inherit-argv0           ... the wrapper's own argv[0]
#   --resolve-argv0           accepted, and nothing to do for a shell wrapper
#   --set VAR VALUE           export VAR=VALUE
#   --set-default VAR VALUE   ... unless VAR is set already
#   --unset VAR               unset VAR
#   --chdir DIR               cd DIR
#   --run COMMAND             run the shell command COMMAND
#   --prefix VAR SEP VALUE    VALUE's SEP-separated items first in VAR (an item VAR
#   --suffix VAR SEP VALUE    ... or last        had already: its first copy moved)
#   --prefix-each VAR SEP VALUES / --suffix-each: each of the space-separated VALUES
#   --prefix-contents VAR SEP FILES / --suffix-contents: each file's contents
#   --add-flags FLAGS         FLAGS (shell text) before the arguments
#   --append-flags FLAGS      ... after them
#   --add-flag ARG / --append-flag ARG: one argument, quoted

# die MESSAGE: the message on standard error, and the build fails.
die() {
    echo "$*" >&2
    return 1
}

# assertExecutable FILE: fails unless FILE is an executable file.
assertExecutable() {
    [[ -f "$1" && -x "$1" ]] || die "Cannot wrap '$1' because it is not an executable file"
}

# makeWrapper EXECUTABLE WRAPPER FLAGS...: writes WRAPPER, which runs EXECUTABLE.
makeShellWrapper() {
    local original="$1" wrapper="$2"
    shift 2
    assertExecutable "$original" || return 1
    local -a body=() before=() after=()
    local argv0="" flag arity
    # (The flags are joined with spaces whatever the caller's IFS.)
    local IFS=$' \t\n'
    while (( $# )); do
        flag="$1"
        arity="$(_makeWrapperArity "$flag")" || { die "makeWrapper doesn't understand the arg ${flag@Q}"; return 1; }
        (( $# > arity )) || { die "makeWrapper: $flag needs $arity argument(s)"; return 1; }
        case "$flag" in
            --argv0) argv0="${2@Q}" ;;
            --inherit-argv0) argv0='"$0"' ;;
            --resolve-argv0) ;;
            --set) body+=("export $2=${3@Q}") ;;
            --set-default) body+=("export $2=\${$2-${3@Q}}") ;;
            --unset) body+=("unset $2") ;;
            --chdir) body+=("cd ${2@Q}") ;;
            --run) body+=("$2") ;;
            --prefix | --suffix) _makeWrapperAddItems "${flag#--}" "$2" "$3" "$4" ;;
            --prefix-each | --suffix-each | --prefix-contents | --suffix-contents)
                _makeWrapperEach "$flag" "$2" "$3" "$4" || return 1
                ;;
            --add-flags) before+=("$2") ;;
            --append-flags) after+=("$2") ;;
            --add-flag) before+=("${2@Q}") ;;
            --append-flag) after+=("${2@Q}") ;;
        esac
        shift $((arity + 1))
    done
    mkdir -p "$(dirname -- "$wrapper")" || return 1
    {
        echo "#! @shell@ -e"
        printLines ${body[@]+"${body[@]}"}
        echo "exec ${argv0:+-a $argv0 }${original@Q}${before[*]:+ ${before[*]}} \"\$@\"${after[*]:+ ${after[*]}}"
    } > "$wrapper" || return 1
    chmod +x "$wrapper"
}
makeWrapper() { makeShellWrapper "$@"; }

# How many values FLAG takes; fails for a flag makeWrapper does not know.
_makeWrapperArity() {
    case "$1" in
        --inherit-argv0 | --resolve-argv0) echo 0 ;;
        --argv0 | --unset | --chdir | --run | --add-flags | --append-flags | --add-flag | --append-flag) echo 1 ;;
        --set | --set-default) echo 2 ;;
        --prefix | --suffix | --prefix-each | --suffix-each | --prefix-contents | --suffix-contents) echo 3 ;;
        *) return 1 ;;
    esac
}

# --prefix-each / --suffix-each (VALUES split on spaces) and --prefix-contents /
# --suffix-contents (each of FILES read) as one --prefix or --suffix per item.
_makeWrapperEach() {
    local flag="$1" var="$2" sep="$3" item mode="${1#--}"
    mode="${mode%%-*}"
    local -a items=()
    _makeWrapperSplit " " "$4"
    for item in ${items[@]+"${items[@]}"}; do
        if [[ "$flag" == *-contents ]]; then item="$(< "$item")" || return 1; fi
        _makeWrapperAddItems "$mode" "$var" "$sep" "$item"
    done
}

# The caller's array `items`: VALUE split on the characters of SEP (not globbed), or
# VALUE alone when SEP is empty.
_makeWrapperSplit() {
    local -
    set -f
    local IFS="$1"
    if [ -n "$1" ]; then items=($2); else items=("$2"); fi
}

# Lines of the wrapper's body (the caller's array `body`) that put each SEP-separated
# item of VALUE first (prefix: in the order given) or last (suffix) in VAR, removing
# an earlier copy, then export VAR. An empty VALUE adds nothing.
_makeWrapperAddItems() {
    local mode="$1" var="$2" sep="$3" item
    local -a items=() ordered=()
    [ -n "$4" ] || return 0
    _makeWrapperSplit "$sep" "$4"
    for item in ${items[@]+"${items[@]}"}; do
        if [ "$mode" = prefix ]; then ordered=("$item" ${ordered[@]+"${ordered[@]}"}); else ordered+=("$item"); fi
    done
    for item in ${ordered[@]+"${ordered[@]}"}; do
        [ -n "$item" ] || continue
        body+=("$var=\${$var:+${sep@Q}\$$var${sep@Q}}; $var=\${$var/${sep@Q}${item@Q}${sep@Q}/${sep@Q}}; $var=\${$var#${sep@Q}}; $var=\${$var%${sep@Q}}")
        if [ "$mode" = prefix ]; then
            body+=("$var=${item@Q}\${$var:+${sep@Q}\$$var}")
        else
            body+=("$var=\${$var:+\$$var${sep@Q}}${item@Q}")
        fi
    done
    body+=("export $var")
}

# wrapProgram PROGRAM FLAGS...: PROGRAM moves to .PROGRAM-wrapped (with _ added until
# the name is free) in its directory, and a wrapper of it, with the wrapper's argv[0],
# takes its place.
wrapProgramShell() {
    local prog="$1" hidden
    assertExecutable "$prog" || return 1
    hidden="$(dirname -- "$prog")/.$(basename -- "$prog")-wrapped"
    while [ -e "$hidden" ]; do hidden="${hidden}_"; done
    mv -- "$prog" "$hidden" || return 1
    makeShellWrapper "$hidden" "$prog" --inherit-argv0 "${@:2}"
}
wrapProgram() { wrapProgramShell "$@"; }

# addSuffix SUFFIX NAMES...: each name with SUFFIX appended, one a line.
addSuffix() {
    local suffix="$1" name
    shift
    for name in "$@"; do echo "$name$suffix"; done
}

# filterExisting PATHS...: the paths that exist, one a line.
filterExisting() {
    local path
    for path in "$@"; do
        if [ -e "$path" ]; then echo "$path"; fi
    done
}
