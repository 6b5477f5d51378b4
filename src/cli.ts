#!/usr/bin/env node
import { runCli } from './cli/cli-program.js';

// `serve` keeps running; every other command exits with its status once done.
runCli(process.argv).then((status) => {
  if (status !== 0 || process.argv[2] !== 'serve') process.exitCode = status;
});
