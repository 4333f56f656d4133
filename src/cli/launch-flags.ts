/** The flags `floodlab launch` parses (its own file so launch.ts and launch-go.ts share it without a cycle). */
import type { OutputFlag } from './output.ts';

export interface LaunchFlags {
  nodes: number;
  degree: number;
  topology: string;
  seed: string;
  messages: number;
  processes?: boolean;
  protocol: string;
  timeout: number;
  json?: OutputFlag;
  verbose?: boolean;
  go?: number;
  goBin?: string;
  grow?: boolean;
  want: number;
  overlay: string;
  kill?: number;
}
