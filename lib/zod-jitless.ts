/**
 * Imported first by a context that validates with zod: no `new Function`
 * probe. The extension's CSP forbids eval; zod would try it when it builds a
 * schema, and the browser would report the attempt even though zod catches it.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });
