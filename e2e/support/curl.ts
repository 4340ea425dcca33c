import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Runs curl with `args` as a seed example writes them (in `cwd`); answers the status and the body it printed. */
export async function curlWithStatus(args: string[], cwd?: string): Promise<{ status: number; body: string }> {
  const { stdout } = await exec('curl', ['-sS', '-w', '\n%{http_code}', ...args], { cwd });
  const lines = stdout.split('\n');
  return { status: Number(lines.pop()), body: lines.join('\n') };
}
