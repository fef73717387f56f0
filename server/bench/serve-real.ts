/**
 * The real server for http.ts, in its own process: startServer on a data dir, the bench token
 * as DOSSIER_TOKEN would give it. Prints `READY <port>`; exits cleanly on SIGTERM.
 *
 *   node --import tsx bench/serve-real.ts <data dir> <token>
 *
 * With BENCH_PROFILE_OUT set, SIGUSR2 starts the V8 profiler (after the caller's warm-up, so
 * module loading and JIT don't crowd the steady state) and SIGTERM writes the profile there.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { startServer } from '../src/index.ts';

const [dataDir, token] = process.argv.slice(2);
if (!dataDir || !token) throw new Error('usage: serve-real.ts <data dir> <token>');
// keepBackups 0: the daily backup would copy 460 MB in the middle of the timed run.
const s = await startServer({ host: '127.0.0.1', port: 0, dataDir, token, keepBackups: 0 });
const profileOut = process.env.BENCH_PROFILE_OUT;
const session = profileOut ? new Session() : null;
if (session) {
  session.connect();
  process.on('SIGUSR2', () => session.post('Profiler.enable', () => session.post('Profiler.start')));
}
process.on('SIGTERM', () => {
  if (!session || !profileOut) process.exit(0);
  session.post('Profiler.stop', (err, res) => {
    if (!err) writeFileSync(profileOut, JSON.stringify(res.profile));
    process.exit(0);
  });
});
process.stdout.write(`READY ${s.port}\n`);
