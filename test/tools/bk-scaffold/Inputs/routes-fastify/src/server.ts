// A Fastify server: plugins registered with prefixes (one of them twice,
// once inside a versioned plugin), shorthand routes with schema options,
// route({...}), a shared schema by $id, a CommonJS plugin.
import Fastify from 'fastify';
import itemsRoutes from './routes/items';
import { healthPlugin } from './routes/health';

const app = Fastify({ logger: true });

app.register(itemsRoutes, { prefix: '/api/items' });
app.register(healthPlugin);
app.register(
  async (v2) => {
    v2.register(itemsRoutes, { prefix: '/items' });
  },
  { prefix: '/api/v2' },
);

app.listen({ port: 3000 });
