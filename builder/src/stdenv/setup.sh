# The shell functions of Ferrix's generic builder (embedded in the builder with
# include_str!, run once before any input's setup hook is sourced): nixpkgs' setup.sh
# helpers as packages' phases and setup hooks call them, written for Ferrix. The
# shell runs with `set -eu -o pipefail`; since a function called as a condition runs
# without `-e`, the functions return their failures explicitly. `concatTo`,
# `prependToVar`, `appendToVar`, `getAllOutputNames` and the Rust commands are
# defined before this (shell.rs).

######################################################################
# Hooks.

# runHook NAME ARGS...: the hook the user set (a function, called with ARGS, or a
# variable's text, evaluated), then each entry of the array `${NAME%Hook}Hooks`.
runHook() {
    local hookName="$1"
    shift
    local hooksSlice="${hookName%Hook}Hooks[@]"
    local hook
    if _ferrixHasImplicitHook "$hookName"; then _ferrixImplicitHook "$hookName" "$@"; fi
    for hook in ${!hooksSlice+"${!hooksSlice}"}; do
        _ferrixEvalHook "$hook" "$@"
    done
    return 0
}

# runOneHook NAME ARGS...: as runHook, but stops at the first hook that succeeds;
# fails when none does.
runOneHook() {
    local hookName="$1"
    shift
    local hooksSlice="${hookName%Hook}Hooks[@]"
    local hook
    if _ferrixHasImplicitHook "$hookName" && _ferrixImplicitHook "$hookName" "$@"; then return 0; fi
    for hook in ${!hooksSlice+"${!hooksSlice}"}; do
        if _ferrixEvalHook "$hook" "$@"; then return 0; fi
    done
    return 1
}

# Whether the user set the hook NAME (a function, or a variable with text).
_ferrixHasImplicitHook() {
    declare -F "$1" > /dev/null || [ -n "${!1:-}" ]
}

# The function NAME called with the arguments, or the variable NAME's text evaluated.
_ferrixImplicitHook() {
    local hookName="$1"
    shift
    if declare -F "$hookName" > /dev/null; then "$hookName" "$@"; else eval "${!hookName}"; fi
}

# A hook array's entry: a function is called with the arguments, a string evaluated.
_ferrixEvalHook() {
    if declare -F "$1" > /dev/null; then "$@"; else eval "$1"; fi
}

# addEnvHooks OFFSET FUNCTION...: FUNCTION is called with each input package once
# every setup hook is sourced (the arrays are nixpkgs'; Ferrix builds natively, so
# every array's hooks see every input, as nixpkgs without strictDeps).
declare -a envBuildBuildHooks=() envBuildHostHooks=() envBuildTargetHooks=()
declare -a envHostHostHooks=() envHostTargetHooks=() envTargetTargetHooks=()
addEnvHooks() {
    local offset="$1"
    shift
    case "$offset" in
        -1) envBuildBuildHooks+=("$@"); envBuildHostHooks+=("$@"); envBuildTargetHooks+=("$@") ;;
        0) envHostHostHooks+=("$@"); envHostTargetHooks+=("$@") ;;
        1) envTargetTargetHooks+=("$@") ;;
        *) echo "addEnvHooks: ERROR: offset '$offset' is not -1, 0 or 1" >&2; return 1 ;;
    esac
}

# Runs each env hook with each input package (the builder calls it with the inputs).
_ferrixAddToEnv() {
    local hookName pkg
    for hookName in envBuildBuildHook envBuildHostHook envBuildTargetHook \
        envHostHostHook envHostTargetHook envTargetTargetHook; do
        for pkg in "$@"; do
            runHook "$hookName" "$pkg"
        done
    done
}

# The roles of cross-compilation (nixpkgs' getHostRole and friends): Ferrix builds
# for the machine it runs on, so no variable gets a role suffix.
getHostRole() { role_post=; }
getTargetRole() { role_post=; }
getHostRoleEnvHook() { role_post=; }
getTargetRoleEnvHook() { role_post=; }
getTargetRoleWrapper() { role_post=; }

######################################################################
# Logging.

# echoCmd LABEL ARGS...: the label, then each argument shell-quoted.
echoCmd() {
    printf '%s:' "$1"
    shift
    printf ' %q' "$@"
    echo
}

# nixErrorLog, nixWarnLog, ..., nixVomitLog MESSAGE...: the calling function's name
# and the message on standard error, when NIX_DEBUG is at least the level (error 0
# to vomit 7); nixLog prints always.
_ferrixLogAt() {
    local level="$1"
    shift
    (( "${NIX_DEBUG:-0}" >= level )) || return 0
    printf '%s: %s\n' "${FUNCNAME[2]:-main}" "$*" >&2
}
nixLog() { _ferrixLogAt 0 "$@"; }
nixErrorLog() { _ferrixLogAt 0 "$@"; }
nixWarnLog() { _ferrixLogAt 1 "$@"; }
nixNoticeLog() { _ferrixLogAt 2 "$@"; }
nixInfoLog() { _ferrixLogAt 3 "$@"; }
nixTalkativeLog() { _ferrixLogAt 4 "$@"; }
nixChattyLog() { _ferrixLogAt 5 "$@"; }
nixDebugLog() { _ferrixLogAt 6 "$@"; }
nixVomitLog() { _ferrixLogAt 7 "$@"; }

######################################################################
# Small helpers.

# addToSearchPath VAR DIR: appends DIR to the colon-separated VAR (exported) if DIR
# is a directory VAR does not list yet.
addToSearchPathWithCustomDelimiter() {
    local delimiter="$1" varName="$2" dir="$3"
    local current="${!varName:-}"
    [ -d "$dir" ] || return 0
    [[ "$delimiter$current$delimiter" != *"$delimiter$dir$delimiter"* ]] || return 0
    export "$varName=${current:+$current$delimiter}$dir"
}
addToSearchPath() { addToSearchPathWithCustomDelimiter ":" "$@"; }

# stripHash PATH: PATH's base name without a store hash (`<32 chars>-`).
stripHash() {
    local name
    name="$(basename -- "$1")"
    if [[ "$name" =~ ^[a-z0-9]{32}- ]]; then echo "${name:33}"; else echo "$name"; fi
}

# Whether FILE starts with MAGIC (bytes, compared in the C locale).
_ferrixHasMagic() {
    local LC_ALL=C magic
    magic="$(LC_ALL=C head -c "${#2}" -- "$1" 2>/dev/null | LC_ALL=C tr -d '\0')" || return 1
    [ "$magic" = "$2" ]
}
isELF() { _ferrixHasMagic "$1" $'\177ELF'; }
isScript() { _ferrixHasMagic "$1" '#!'; }
# Mach-O's four magic numbers (32 and 64 bits, both byte orders) and the fat header.
isMachO() {
    local magic
    for magic in $'\xfe\xed\xfa\xce' $'\xce\xfa\xed\xfe' $'\xfe\xed\xfa\xcf' \
        $'\xcf\xfa\xed\xfe' $'\xca\xfe\xba\xbe' $'\xbe\xba\xfe\xca'; do
        if _ferrixHasMagic "$1" "$magic"; then return 0; fi
    done
    return 1
}

# printWords WORD...: each word followed by a space; printLines LINE...: each on a line.
printWords() { (( $# > 0 )) || return 0; printf '%s ' "$@"; }
printLines() { (( $# > 0 )) || return 0; printf '%s\n' "$@"; }

# concatStringsSep SEP NAME: the array NAME's elements (or the string's words) joined
# by SEP, with no newline.
concatStringsSep() {
    local sep="$1" joined="" i
    local -a items=()
    concatTo items "$2" || return 1
    for (( i = 0; i < ${#items[@]}; i++ )); do
        (( i == 0 )) || joined+="$sep"
        joined+="${items[i]}"
    done
    printf '%s' "$joined"
}

######################################################################
# Textual substitution.

# substituteStream VAR DESCRIPTION ARGS...: prints the variable VAR's value with the
# replacements ARGS made in order: --replace-fail OLD NEW (fails if OLD is absent),
# --replace-warn OLD NEW (warns), --replace-quiet OLD NEW, --replace OLD NEW
# (deprecated: warns once, then as --replace-warn), --subst-var NAME (@NAME@ by the
# variable's value; NAME must be set) and --subst-var-by NAME VALUE. Replacements are
# quoted, so `&` in NEW stays literal under bash 5.2's patsub_replacement.
_substituteStream_has_warned_replace_deprecation=false
substituteStream() {
    _ferrixSubstituteVar "$@" || return 1
    printf '%s' "${!1}"
}

# substituteStream's replacements made in the variable itself, printing nothing.
_ferrixSubstituteVar() {
    local -n __ferrixText="$1"
    local __description="$2"
    shift 2
    local __mode __pattern __replacement
    while (( $# )); do
        __mode="$1"
        case "$1" in
            --replace | --replace-fail | --replace-warn | --replace-quiet)
                (( $# >= 3 )) || { _ferrixSubstError "$1 needs a pattern and a replacement"; return 1; }
                __pattern="$2" __replacement="$3"
                shift 3
                if [ "$__mode" = --replace ]; then
                    _ferrixWarnReplace "$__description"
                    __mode=--replace-warn
                fi
                if [[ "$__ferrixText" != *"$__pattern"* ]]; then
                    _ferrixPatternMissing "$__mode" "$__pattern" "$__description" || return 1
                fi
                ;;
            --subst-var)
                (( $# >= 2 )) || { _ferrixSubstError "--subst-var needs a variable name"; return 1; }
                if ! [[ "$2" =~ ^[a-zA-Z_][a-zA-Z0-9_]*$ ]]; then
                    _ferrixSubstError "substitution variables must be valid Bash names, \"$2\" isn't."
                    return 1
                fi
                if [ -z "${!2+x}" ]; then
                    _ferrixSubstError "variable \$$2 is unset"
                    return 1
                fi
                __pattern="@$2@" __replacement="${!2}"
                shift 2
                ;;
            --subst-var-by)
                (( $# >= 3 )) || { _ferrixSubstError "--subst-var-by needs a name and a value"; return 1; }
                __pattern="@$2@" __replacement="$3"
                shift 3
                ;;
            *)
                _ferrixSubstError "Invalid command line argument: $1"
                return 1
                ;;
        esac
        __ferrixText="${__ferrixText//"$__pattern"/"$__replacement"}"
    done
}

_ferrixSubstError() {
    echo "substituteStream() in derivation ${name:-}: ERROR: $1" >&2
}

_ferrixWarnReplace() {
    "$_substituteStream_has_warned_replace_deprecation" && return 0
    echo "substituteStream() in derivation ${name:-}: WARNING: '--replace' is deprecated, use --replace-{fail,warn,quiet}. ($1)" >&2
    _substituteStream_has_warned_replace_deprecation=true
}

# What a pattern that matches nothing does: an error for --replace-fail, a warning
# for --replace-warn, nothing for --replace-quiet.
_ferrixPatternMissing() {
    case "$1" in
        --replace-fail)
            printf "substituteStream() in derivation %s: ERROR: pattern %q doesn't match anything in %s\n" \
                "${name:-}" "$2" "$3" >&2
            return 1
            ;;
        --replace-warn)
            printf "substituteStream() in derivation %s: WARNING: pattern %q doesn't match anything in %s\n" \
                "${name:-}" "$2" "$3" >&2
            ;;
    esac
}

# consumeEntire VAR < FILE: the whole input (trailing newlines too) into VAR; fails
# on a NUL byte, which a shell variable cannot hold.
consumeEntire() {
    if IFS='' read -r -d '' "$1"; then
        echo "consumeEntire(): ERROR: Input null bytes, won't process" >&2
        return 1
    fi
}

# substitute IN OUT ARGS...: IN with substituteStream's replacements, written to OUT.
substitute() {
    local input="$1" output="$2"
    shift 2
    if [ ! -f "$input" ]; then
        echo "substitute(): ERROR: file '$input' does not exist" >&2
        return 1
    fi
    local _ferrixContent
    consumeEntire _ferrixContent < "$input" || return 1
    _ferrixSubstituteVar _ferrixContent "file '$input'" "$@" || return 1
    if [ -e "$output" ]; then chmod +w "$output"; fi
    printf '%s' "$_ferrixContent" > "$output"
}

# substituteInPlace FILE... ARGS...: each FILE (the arguments before the first one
# starting with --) substituted in place.
substituteInPlace() {
    local -a files=()
    local file
    while (( $# )) && [[ "$1" != --* ]]; do
        files+=("$1")
        shift
    done
    if (( ${#files[@]} == 0 )); then
        echo "substituteInPlace called without any files to operate on (files must come before options!)" >&2
        return 1
    fi
    for file in ${files[@]+"${files[@]}"}; do
        substitute "$file" "$file" "$@" || return 1
    done
}

# The --subst-var arguments for every exported variable whose name starts with a
# lowercase letter and is a valid name (nixpkgs' rule), into the array `args`; `name`,
# `pname`, `version` and `system` count even when structured attributes left them
# unexported.
_allFlags() {
    local varName
    for varName in system pname name version; do
        if [ -n "${!varName+x}" ]; then export "${varName?}"; fi
    done
    for varName in $(compgen -e); do
        if [[ "$varName" =~ ^[a-z][a-zA-Z0-9_]*$ ]]; then args+=(--subst-var "$varName"); fi
    done
}

# substituteAll IN OUT / substituteAllStream VAR DESCRIPTION / substituteAllInPlace
# FILE: @name@ replaced by the value of every such variable.
substituteAll() {
    local -a args=()
    _allFlags
    substitute "$1" "$2" "${args[@]}"
}
substituteAllStream() {
    local -a args=()
    _allFlags
    substituteStream "$1" "$2" "${args[@]}"
}
substituteAllInPlace() { substituteAll "$1" "$1"; }

######################################################################
# Unpacking.

# unpackFile FILE: unpacks a source into the current directory with the user's
# `unpackCmd`, else the first of `unpackCmdHooks` that knows the kind of file.
unpackFile() {
    curSrc="$1"
    echo "unpacking source archive $curSrc"
    if ! runOneHook unpackCmd "$curSrc"; then
        echo "do not know how to unpack source archive $curSrc" >&2
        return 1
    fi
}

# The default unpacker: a directory is copied (named without its hash), tar archives
# (compressed as GNU tar recognises) extracted, zip files extracted by unzip.
declare -a unpackCmdHooks=(_defaultUnpack)
_defaultUnpack() {
    local fn="$1" destination
    if [ -d "$fn" ]; then
        destination="$(stripHash "$fn")"
        if [ -e "$destination" ]; then
            echo "Cannot copy $fn to $destination: destination already exists!" >&2
            echo "Did you specify two \"srcs\" with the same \"name\"?" >&2
            return 1
        fi
        cp -r --preserve=mode,timestamps -- "$fn" "$destination"
        return
    fi
    case "$fn" in
        *.tar | *.tar.* | *.tgz | *.tbz2 | *.tbz | *.txz) tar xf "$fn" --mode=+w --warning=no-timestamp ;;
        *.zip | *.ZIP | *.jar)
            if ! command -v unzip > /dev/null; then
                echo "unpackFile: cannot unpack $fn: no unzip on PATH (the host's /usr/bin/unzip is used when present)" >&2
                return 1
            fi
            unzip -qq -- "$fn"
            ;;
        *) return 1 ;;
    esac
}

: "${prefix:=${out:-}}"
