// The memory floor under a membership run at scale, for the membership section (membership.ts):
// a bare random walk over a random graph of N nodes held in typed arrays (a degree array and a
// block of 16 link slots per node, as compact as the dynamic topology could be), two dependent
// reads and two random draws per hop, nothing else. Growing a network by random-walk joins cannot
// cost less per hop than this, whatever the protocol code does.
//   node scripts/bench/walk-floor.mjs N HOPS   -> one JSON line: { nodes, hops, nsPerHop }
const N = Number(process.argv[2] ?? 1e6);
const HOPS = Number(process.argv[3] ?? 1e7);
const STRIDE = 16;
const D = 10; // blog's mean degree at K = 5 (about 2K)
const adj = new Int32Array(N * STRIDE);
const deg = new Int32Array(N).fill(D);
let s = 0x9e3779b9 | 0;
const rnd = () => {
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  return (s >>> 0) / 4294967296;
};
for (let u = 0; u < N; u++) for (let i = 0; i < D; i++) adj[u * STRIDE + i] = Math.floor(rnd() * N);
const t = performance.now();
let u = 0;
let accepted = 0;
for (let h = 0; h < HOPS; h++) {
  const k = deg[u];
  if (rnd() * (k + 1) < 1) accepted++;
  u = adj[u * STRIDE + Math.floor(rnd() * k)];
}
const ms = performance.now() - t;
process.stdout.write(JSON.stringify({ nodes: N, hops: HOPS, nsPerHop: (1e6 * ms) / HOPS, accepted }) + '\n');
