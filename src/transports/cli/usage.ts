/** Help texts. Kept apart from the commands so `--help` reads like the SPEC's synopsis. */

export const MAIN_USAGE = `Usage: steward <command> [options]

Commands:
  check       Run the style rules on a range of a local clone, as a pull request would be checked
  init        Write .github/steward.yml with the default configuration
  serve       Run the GitHub App (the same as \`npm start\`)
  cards       Validate model cards (front matter as the Hub reads it, profiles, sections)
  eval        Plan an evaluation suite's shards (eval plan) or run them on this machine (eval run)
  reconcile   Compare model metadata across a clone's remotes (forks) with upstream's

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

export const INIT_USAGE = `Usage: steward init [--repo DIR] [--force] [--actions-ref OWNER/REPO@SHA]

Writes .github/steward.yml with the default configuration (every rule, its severity and options),
.github/workflows/steward-eval.yml (the evaluation workflow the App dispatches), and README.md with
a model card template when the repository has no README. Existing files are kept.

Options:
  --repo DIR                    The repository to write into (default: the current folder)
  --force                       Overwrite existing files
  --actions-ref OWNER/REPO@SHA  Pin Steward's eval-shard action in steward-eval.yml to this commit
                                (default: package.json "stewardActions"; without one, a marked
                                placeholder you must replace)
  -h, --help                    Show this help
`;

export const SERVE_USAGE = `Usage: steward serve

Runs the GitHub App. Configure it with the environment variables Probot reads (APP_ID,
PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT); see the README.
`;

export const CARDS_USAGE = `Usage: steward cards [PATH|GLOB]... [options]

Validates model cards directly, no git needed: the front matter as the Hugging Face Hub finds and
reads it, the chosen profile, and the required sections. With no path, every card that
model-cards.paths of the configuration matches (default: README.md, MODEL_CARD.md, model_card.md,
model-card.md at any depth). A folder means the cards in it.

Options:
  --repo DIR         Where paths, globs and the configuration are looked up (default: the current folder)
  --config FILE      The configuration (default: .github/steward.yml under --repo)
  --profile P        huggingface (the Hub's fields and values), mitchell (the sections of
                     "Model Cards for Model Reporting") or none (default: model-cards.profile, else huggingface)
  --schema FILE      A JSON Schema (draft-07, 2019-09, 2020-12; YAML too) every card's front matter
                     must follow, instead of model-cards.schemas
  --format F         text (default), json or sarif
  -h, --help         Show this help

Exit codes: 0 no error finding, 1 at least one, 2 usage, configuration or runtime error.
`;

export const EVAL_USAGE = `Usage: steward eval plan [options]
       steward eval run  [options]

eval plan: how a suite of evaluation.suites would be cut into shards: tasks longest first onto the
least-loaded shard, a task split into sample ranges only when that shortens the makespan (every
piece pays the suite's piece-overhead). Prints the shards, the estimated makespan and the lower
bound no plan can beat.

eval run: plans the suite as the App would (with costs learned from earlier runs once there are
some), runs the shards' commands on this machine, at most --concurrency at once, aggregates the
pieces' results and compares them with the baseline: the last completed run on the default branch
(or with --baseline). Runs are kept in DATABASE_URL, else .steward/steward.sqlite under --repo
(add .steward/ to .gitignore). Progress goes to stderr on a terminal, never with --format json.

Options:
  --suite S          The suite (default: "default", or the only suite)
  --repo DIR         The repository whose configuration is read and where commands run
                     (default: the current folder)
  --config FILE      The configuration (default: .github/steward.yml under --repo)
  --format F         text (default) or json. eval plan: {"shards": [{"id", "pool", "cost",
                     "pieces": [{"task", "offset", "limit", "cost"}]}], "makespan", "lowerBound"};
                     eval run: {"run", "suite", "status", "plan", "result", "comparison", "baseline"}
  --concurrency N    eval run: shards at once on this machine (default: the CPUs, at most 4)
  --model M          eval run: what {model} becomes instead of the suite's model:
  --baseline         eval run: store this run as a baseline even off the default branch
  -h, --help         Show this help

Exit codes: 0 done (eval run: no regression), 1 eval run: a metric regressed or some piece gave no
result (partial), 2 usage or configuration error, or nothing could run.
`;

export const RECONCILE_USAGE = `Usage: steward reconcile [--repo DIR] [--remote NAME]... [--all-remotes]
                         [--format text|json|markdown] [--write-registry FILE]

Treats each git remote of a local clone as a fork and compares every model's metadata (registry
files matching reconcile.paths, default models/*/model.yml, and the model cards matching
model-cards.paths) at each fork's default branch with upstream's (the remote the default branch
tracks, else origin). Each model in each fork is in-sync, behind, ahead, diverged, conflict (the
same version with other content), new or removed, judged against the merge base. Reads only
fetched refs: run \`git fetch --all\` first; a remote never fetched is reported as skipped.

Options:
  --repo DIR              The clone (default: the current folder)
  --remote NAME           A remote to compare; repeat for several
  --all-remotes           Every remote but upstream (the default when no --remote is given)
  --config FILE           The configuration (default: .github/steward.yml under --repo)
  --format F              text (default), json or markdown (with a Mermaid graph of forks and lineage).
                          json: {"models": [{"id", "upstream": {"version"}, "forks": [{"fork",
                          "version", "status", "conflicts": [{"path", "base", "ours", "theirs"}]}]}],
                          "summary", "findings"}
  --write-registry FILE   Also write registry.json (schemas/registry.schema.json) to FILE
  -h, --help              Show this help

Exit codes: 0 no conflict, 1 a model in conflict or diverged with conflicting edits, 2 usage or
configuration error, or upstream cannot be read.
`;
