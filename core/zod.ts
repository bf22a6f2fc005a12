/**
 * zod for code that runs in the extension (schemas in core/): configured
 * without its `new Function` fast path. The extension's CSP forbids eval;
 * zod would probe for it on the first parse, and the browser would report
 * the attempt even though zod catches it. Every runtime schema imports zod
 * from here, so the setting is in place before any schema parses, in every
 * page, the background and the backup worker alike.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
