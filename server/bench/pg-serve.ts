/**
 * The real team server for pg-http.ts, in its own process: startTeamServer on the run's database
 * with the bench token as the owner's (as `serve --database … ` with DOSSIER_TOKEN would).
 * Prints `READY <port>`; exits cleanly on SIGTERM.
 *
 *   node --import tsx bench/pg-serve.ts <postgres url> <token>
 */
import { startTeamServer } from '../src/team-server.ts';

const [databaseUrl, token] = process.argv.slice(2);
if (!databaseUrl || !token) throw new Error('usage: pg-serve.ts <postgres url> <token>');
const s = await startTeamServer({ databaseUrl, port: 0, token });
process.on('SIGTERM', () => {
  void s.close().finally(() => process.exit(0));
});
process.stdout.write(`READY ${s.port}\n`);
