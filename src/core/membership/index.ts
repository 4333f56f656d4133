/**
 * The membership registry: turns `--overlay NAME` and `--want K` into a Membership, or a clear error.
 */
import { InputError } from '../errors.ts';
import { blog } from './blog.ts';
import { hyparview } from './hyparview.ts';
import type { Membership } from './seam.ts';

export const OVERLAYS = ['blog', 'hyparview'] as const;
export type OverlayName = (typeof OVERLAYS)[number];

/** The overlay `name` keeping `want` links per node, with every other parameter at its default. */
export function makeMembership(name: string, want: number): Membership {
  if (name === 'blog') return blog({ want });
  if (name === 'hyparview') return hyparview({ activeSize: want });
  throw new InputError('ERR_BAD_OVERLAY', `overlay: '${name}' is not one of ${OVERLAYS.join(', ')}`);
}
