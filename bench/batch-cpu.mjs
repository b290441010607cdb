// Runs `presslens batch ARGS...` in this process (wasm/batch-cli.mjs) for bench/batch.mjs and
// prints, as the last line of stderr, the CPU seconds (user + system, from /proc: Linux) of
// the whole process and of its main thread: {"cpu": ..., "main": ...}. The rest is the worker
// threads' and V8's helper threads'. Exits with the command's status.
import { readFileSync } from 'node:fs';
import { main } from '../wasm/batch-cli.mjs';

const seconds = (file) => {
  try {
    const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;  // utime, stime in USER_HZ ticks
  } catch {
    return NaN;
  }
};
const status = await main(process.argv.slice(2));
process.stderr.write(`${JSON.stringify({ cpu: seconds('/proc/self/stat'), main: seconds(`/proc/self/task/${process.pid}/stat`) })}\n`);
process.exit(status);
