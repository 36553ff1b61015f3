//! Entry point: everything happens in [`motesguide::cli`].

fn main() -> std::process::ExitCode {
    motesguide::cli::main()
}
