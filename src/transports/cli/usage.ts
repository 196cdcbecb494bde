/** Help texts. Kept apart from the commands so `--help` reads like the SPEC's synopsis. */

export const MAIN_USAGE = `Usage: steward <command> [options]

Commands:
  check       Run the style rules on a range of a local clone, as a pull request would be checked
  init        Write .github/steward.yml with the default configuration
  serve       Run the GitHub App (the same as \`npm start\`)
  cards       Validate model cards (not available yet in this version)
  eval        Plan or run evaluations (not available yet in this version)
  reconcile   Compare forks' model metadata (not available yet in this version)

Options:
  -h, --help     Show this help (or \`steward <command> --help\`)
  -v, --version  Show Steward's version

Exit codes: 0 no error found, 1 at least one error, 2 usage, config or runtime error.
`;

export const CHECK_USAGE = `Usage: steward check [options]

Checks the commits of base..head and the files they change, as Steward checks a pull request.

Options:
  --repo DIR         The git clone to check (default: the current folder)
  --base REF         Where the range starts (default: the merge base of head with the default
                     branch: origin/HEAD, else main, else master)
  --head REF         Where the range ends (default: HEAD)
  --title T          The pull request title (default: the subject of a single commit, else the branch name)
  --body-file F      A file with the pull request description ('-' reads stdin)
  --label L          A pull request label; repeat for several
  --config FILE      The configuration (default: .github/steward.yml in the work tree)
  --format FORMAT    text (default), json or sarif
  -h, --help         Show this help

Exit codes: 0 no error found, 1 at least one error, 2 usage, config or runtime error.
`;

export const INIT_USAGE = `Usage: steward init [--repo DIR] [--force]

Writes .github/steward.yml with the default configuration (every rule, its severity and options).

Options:
  --repo DIR   The repository to write into (default: the current folder)
  --force      Overwrite an existing .github/steward.yml
  -h, --help   Show this help
`;

export const SERVE_USAGE = `Usage: steward serve

Runs the GitHub App. Configure it with the environment variables Probot reads (APP_ID,
PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT); see the README.
`;
