/**
 * A chat message as the protocols see it. Identity is the id, never the text: the same text sent
 * twice is two messages. Messages are immutable and shared by reference between nodes; the hop
 * count travels beside the message (transport metadata), so forwarding allocates nothing.
 */

/** Unique per message: an integer in the simulator, a random hex string on real nodes. */
export type MessageId = string | number;

export interface Msg {
  readonly id: MessageId;
  /** The author (the node that originated it), not the neighbour it came through. */
  readonly origin: string;
  readonly text: string;
}
