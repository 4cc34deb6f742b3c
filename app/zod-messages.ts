import * as z from 'zod/mini';

// zod/mini ships without messages (every issue reads "Invalid input"). Config errors and the
// schema-mismatch details in service errors quote zod's English ones, so load them once here.
z.config(z.locales.en());
