// Debian packages the benches compare against (ImageMagick `convert`, libvips' `vipsthumbnail`),
// installed with apt-get when missing, as .ci/run does for the test clients.
import { spawnSync } from 'node:child_process';

export const BENCH_DEBIAN_PACKAGES = ['imagemagick', 'libvips-tools'];

export function ensureDebianPackages(packages = BENCH_DEBIAN_PACKAGES) {
  if (spawnSync('dpkg', ['-s', ...packages], { stdio: 'ignore' }).status === 0) return;
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.warn(`bench: ${packages.join(', ')} missing and no apt-get here; those baselines are skipped`);
    return;
  }
  console.log(`bench: installing ${packages.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore', env });
  if (update.status !== 0 || install.status !== 0)
    console.warn(`bench: could not install ${packages.join(', ')}; those baselines are skipped`);
}
