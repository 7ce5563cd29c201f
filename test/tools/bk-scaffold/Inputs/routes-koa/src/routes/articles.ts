import Router from '@koa/router';
import { z } from 'zod';
import { ArticleInput } from '../schemas';
import { comments } from './comments';

const ListQuery = z.object({
  page: z.coerce.number().int().positive().optional(),
  tag: z.string().optional(),
});

export const articles = new Router({ prefix: '/articles' });

articles.get('/', async (ctx) => {
  const q = ListQuery.parse(ctx.query);
  ctx.body = { page: q.page ?? 1, items: [] };
});

articles.post('/', async (ctx) => {
  const article = ArticleInput.parse(ctx.request.body);
  ctx.status = 201;
  ctx.body = article;
});

articles.get('/:slug', async (ctx) => {
  if (ctx.params.slug === 'missing') ctx.throw(404, 'no such article');
  ctx.body = { slug: ctx.params.slug };
});

articles.put('/:slug', async (ctx) => {
  ctx.body = ArticleInput.partial().parse(ctx.request.body);
});

articles.del('/:slug', async (ctx) => {
  ctx.status = 204;
});

articles.use('/:slug/comments', comments.routes(), comments.allowedMethods());
