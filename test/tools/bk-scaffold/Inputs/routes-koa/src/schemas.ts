import { z } from 'zod';

export const ArticleInput = z.object({
  title: z.string().min(3).max(200),
  body: z.string(),
  tags: z.array(z.string().max(30)).max(10).default([]),
  publishAt: z.string().datetime().nullable(),
});
