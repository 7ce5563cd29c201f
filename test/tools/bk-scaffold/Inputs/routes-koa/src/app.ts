// A Koa application with @koa/router: routers with their own prefixes,
// a nested router mounted on another, chained app.use(...).
import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { articles } from './routes/articles';
import health from './routes/health';

const app = new Koa();
app.use(bodyParser());
app
  .use(articles.routes())
  .use(articles.allowedMethods())
  .use(health.routes());

app.listen(3000);
