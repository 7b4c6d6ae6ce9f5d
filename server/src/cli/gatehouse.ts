// `pnpm gatehouse …`: the operator's command-line tool (see `pnpm gatehouse --help`).
import { runCli } from "./run.js";

const { stdout, stderr, code } = await runCli(process.argv.slice(2));
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = code;
