import Router from '@koa/router';
import { z } from 'zod';

export const comments = new Router();

comments.get('/', async (ctx) => {
  ctx.body = [];
});

comments.post('/', async (ctx) => {
  const input = z
    .object({ author: z.string().min(1), text: z.string().min(1).max(2000) })
    .strict()
    .parse(ctx.request.body);
  ctx.status = 201;
  ctx.body = input;
});
