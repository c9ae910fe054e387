import type { Network } from '../../shared/types.ts';
import { networkNames } from '../balance/networkWords.ts';
import './NetworkBadge.css';

export function NetworkBadge({ network }: { network: Network }) {
  return <span className={`network-badge ${network}`}>{networkNames[network]}</span>;
}
