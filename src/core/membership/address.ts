/**
 * How a node is known to membership: its index in the simulator, 'host:port' (its listening address)
 * on TCP. In its own file so that messages and the seam can both use it without importing each other.
 */
export type Address = number | string;
