/** Who may command Steward (run `/steward …`, start evaluations, approve a fork's run): write access or more. */
import type { PermissionLevel } from '../../platform/port.js';

export const COMMANDING_LEVELS: ReadonlySet<PermissionLevel> = new Set(['admin', 'maintain', 'write']);
