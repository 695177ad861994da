import { CHANNEL } from '../shared/page-protocol';

/** On a window whose fetch and XHR are hooked (by its own injection or by its parent's hook). */
export const MARK = Symbol.for(CHANNEL);
