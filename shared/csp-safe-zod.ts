import { z } from 'zod';

// zod speeds up object parsing with generated code (new Function), which the renderer's CSP forbids:
// its first parse would raise a CSP violation before zod falls back. The renderer imports this module
// first so zod never tries; Node hosts keep the faster path.
z.config({ jitless: true });
