import type { FastifyPluginAsync } from 'fastify';

const Item = {
  $id: 'Item',
  type: 'object',
  required: ['sku', 'name'],
  properties: {
    sku: { type: 'string', pattern: '^[A-Z0-9-]+$' },
    name: { type: 'string', maxLength: 80 },
    stock: { type: 'integer', minimum: 0 },
  },
  additionalProperties: false,
} as const;

const itemsRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.addSchema(Item);

  fastify.get(
    '/',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 50 },
            q: { type: 'string' },
          },
        },
      },
    },
    async () => [],
  );

  fastify.post('/', { schema: { body: { $ref: 'Item#' } } }, async (req, reply) => {
    reply.code(201);
    return req.body;
  });

  fastify.route({
    method: 'GET',
    url: '/:sku',
    schema: {
      params: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] },
    },
    handler: async (req, reply) => {
      reply.code(404).send({ error: 'not found' });
    },
  });

  fastify.delete('/:sku', async (_req, reply) => reply.code(204).send());
};

export default itemsRoutes;
