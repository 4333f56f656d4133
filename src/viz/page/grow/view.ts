/**
 * Draws grow mode on a 2D canvas (a few hundred nodes: no WebGL needed): links in grey, a link
 * just made in green, one just lost in red for a moment; live nodes blue (orange ring: fewer than
 * K links), the newest joiner larger, crashed nodes as grey crosses. Redrawn whole each frame.
 */
import { CRASHED, LIVE, type GrowPlayer } from './replay.ts';

/** Rows a change stays highlighted. */
const FRESH = 40;

export class GrowView {
  private readonly ctx: CanvasRenderingContext2D;
  private sx: number[] = [];
  private sy: number[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly x: readonly number[],
    private readonly y: readonly number[],
  ) {
    this.ctx = canvas.getContext('2d')!;
    this.fit();
  }

  /** Scales the layout into the canvas (call on resize). */
  fit(): void {
    const c = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const w = c.clientWidth;
    const h = c.clientHeight;
    c.width = Math.round(w * ratio);
    c.height = Math.round(h * ratio);
    this.ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const pad = 28;
    const minX = Math.min(...this.x);
    const maxX = Math.max(...this.x);
    const minY = Math.min(...this.y);
    const maxY = Math.max(...this.y);
    const s = Math.min((w - 2 * pad) / (maxX - minX || 1), (h - 2 * pad) / (maxY - minY || 1));
    const ox = (w - s * (maxX - minX)) / 2;
    const oy = (h - s * (maxY - minY)) / 2;
    this.sx = this.x.map((v) => ox + s * (v - minX));
    this.sy = this.y.map((v) => oy + s * (v - minY));
  }

  draw(p: GrowPlayer, want: number): void {
    const ctx = this.ctx;
    ctx.clearRect(0, 0, this.canvas.clientWidth, this.canvas.clientHeight);
    const now = p.cursor;
    const fresh = (k: number): number => {
      const at = p.changedAt.get(k);
      return at === undefined ? 0 : Math.max(0, 1 - (now - 1 - at) / FRESH);
    };
    ctx.lineWidth = 1;
    for (const k of p.edges) {
      const a = Math.floor(k / p.order);
      const b = k % p.order;
      const f = fresh(k);
      ctx.strokeStyle = f > 0 ? `rgba(22,163,74,${0.35 + 0.65 * f})` : 'rgba(100,116,139,0.35)';
      ctx.lineWidth = f > 0 ? 1 + 1.5 * f : 1;
      this.line(a, b);
    }
    // Links just lost: the row says which; draw them fading red.
    ctx.setLineDash([4, 3]);
    for (const [k, at] of p.changedAt) {
      if (k < 0 || p.edges.has(k) || now - 1 - at >= FRESH) continue;
      ctx.strokeStyle = `rgba(220,38,38,${0.8 * fresh(k)})`;
      ctx.lineWidth = 1.5;
      this.line(Math.floor(k / p.order), k % p.order);
    }
    ctx.setLineDash([]);
    for (let u = 0; u < p.order; u++) {
      const x = this.sx[u]!;
      const y = this.sy[u]!;
      if (p.status[u] === CRASHED) {
        ctx.strokeStyle = '#9ca3af';
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(x - 4, y - 4), ctx.lineTo(x + 4, y + 4), ctx.moveTo(x + 4, y - 4), ctx.lineTo(x - 4, y + 4);
        ctx.stroke();
        continue;
      }
      if (p.status[u] !== LIVE) continue;
      const f = fresh(-1 - u);
      ctx.beginPath();
      ctx.arc(x, y, 5 + 4 * f, 0, 2 * Math.PI);
      ctx.fillStyle = u === 0 ? '#111827' : '#2563eb';
      ctx.fill();
      if (p.degree[u]! < Math.min(want, p.live - 1)) {
        ctx.strokeStyle = '#f59e0b';
        ctx.lineWidth = 2.5;
        ctx.stroke();
      }
    }
  }

  private line(a: number, b: number): void {
    const ctx = this.ctx;
    ctx.beginPath();
    ctx.moveTo(this.sx[a]!, this.sy[a]!);
    ctx.lineTo(this.sx[b]!, this.sy[b]!);
    ctx.stroke();
  }
}
