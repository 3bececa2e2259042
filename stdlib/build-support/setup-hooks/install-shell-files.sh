# installShellFiles' setup hook (nixpkgs' install-shell-files.sh in behaviour):
#
# installManPage PATH...: each manual page into share/man/manN/ of the `man` output
# (section 3: the `devman` output), N being the file name's last suffix (a .gz is
# looked through: foo.1.gz goes to man1 as it is).
#
# installShellCompletion [--cmd NAME] ([--bash|--zsh|--fish] [--name NAME] PATH)...:
# each completion file into the `bin` output's share/bash-completion/completions,
# share/zsh/site-functions or share/fish/vendor_completions.d. The shell is the last
# flag given, else the file's suffix (.bash, .zsh, .fish; `_foo` is taken for zsh);
# --name renames the next file, --cmd names every file after the command (NAME.bash,
# _NAME, NAME.fish); a zsh file not renamed becomes `_foo` (from foo.zsh). Arguments
# after `--` are all paths; a path may be a named pipe, given a shell and a name.

installManPage() {
    local path base trimmed section root
    for path in "$@"; do
        if [ -z "$path" ]; then
            echo "installManPage: error: path cannot be empty" >&2
            return 1
        fi
        base="$(stripHash "$path")"
        trimmed="${base%.gz}"
        section="${trimmed##*.}"
        if [ -z "$section" ] || [ "$section" = "$trimmed" ]; then
            echo "installManPage: error: path missing manpage section suffix: $path" >&2
            return 1
        fi
        if [ "$section" = 3 ]; then root="${!outputDevman:?}"; else root="${!outputMan:?}"; fi
        install -Dm644 -T -- "$path" "$root/share/man/man$section/$base" || return
    done
}

installShellCompletion() {
    local shell="" name="" cmd="" status=0 options=1 arg
    while (( $# )); do
        arg="$1"
        shift
        if (( options )); then
            case "$arg" in
                --bash | --zsh | --fish) shell="${arg#--}"; continue ;;
                --name | --cmd)
                    if (( $# == 0 )); then
                        echo "installShellCompletion: error: $arg flag expected an argument" >&2
                        return 1
                    fi
                    if [ "$arg" = --name ]; then name="$1"; else cmd="$1"; fi
                    shift
                    continue
                    ;;
                --name=*) name="${arg#--name=}"; continue ;;
                --cmd=*) cmd="${arg#--cmd=}"; continue ;;
                --) options=0; continue ;;
                --?*)
                    echo "installShellCompletion: warning: unknown flag ${arg%%=*}" >&2
                    status=2
                    continue
                    ;;
            esac
        fi
        _installShellCompletionOne "$arg" || {
            local failed=$?
            (( failed == 2 )) || return "$failed"
            status=2
        }
        name=
    done
    if [ -n "$name" ]; then
        echo 'installShellCompletion: error: --name flag given with no path' >&2
        return 1
    fi
    return "$status"
}

# One completion file, with the caller's `shell`, `name` and `cmd`; status 2 for a
# file of no known shell (skipped).
_installShellCompletionOne() {
    local path="$1" curShell="$shell" outName dir
    if [ -z "$path" ]; then
        echo "installShellCompletion: error: empty path is not allowed" >&2
        return 1
    elif [ -p "$path" ]; then
        if [ -z "$curShell" ]; then
            echo "installShellCompletion: error: named pipe requires one of --bash, --fish, or --zsh" >&2
            return 1
        elif [ -z "$name$cmd" ]; then
            echo "installShellCompletion: error: named pipe requires one of --cmd or --name" >&2
            return 1
        fi
    else
        outName="$(stripHash "$path")"
        if [ -z "$curShell" ]; then
            case "$outName" in
                ?*.bash) curShell=bash ;;
                ?*.fish) curShell=fish ;;
                ?*.zsh) curShell=zsh ;;
                _*.*) ;;
                _*)
                    echo "installShellCompletion: warning: assuming path \`$path' is zsh; please specify with --zsh" >&2
                    curShell=zsh
                    ;;
            esac
            if [ -z "$curShell" ]; then
                echo "installShellCompletion: warning: unknown shell for path: $path" >&2
                return 2
            fi
        fi
    fi
    if [ -n "$name" ]; then
        outName="$name"
    elif [ -n "$cmd" ]; then
        if [ "$curShell" = zsh ]; then outName="_$cmd"; else outName="$cmd.$curShell"; fi
    elif [ "$curShell" = zsh ]; then
        outName="${outName%.zsh}"
        outName="_${outName#_}"
    fi
    case "$curShell" in
        bash) dir=bash-completion/completions ;;
        fish) dir=fish/vendor_completions.d ;;
        zsh) dir=zsh/site-functions ;;
    esac
    local target="${!outputBin:?}/share/$dir/$outName"
    if [ -p "$path" ]; then
        mkdir -p "$(dirname -- "$target")" && cat "$path" > "$target"
    else
        install -Dm644 -T -- "$path" "$target"
    fi || return 1
    if [ ! -s "$target" ]; then
        echo "installShellCompletion: error: installed shell completion file \`$target' does not exist or has zero size" >&2
        return 1
    fi
}
