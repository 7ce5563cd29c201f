// CommonJS, with the schema parsed inside the handler.
const express = require('express');
const { z } = require('zod');

const router = express.Router();

const OrderItem = z.object({
  sku: z.string().regex(/^[A-Z]{3}-\d+$/),
  quantity: z.number().int().positive(),
});

router.post('/', (req, res) => {
  const order = z
    .object({
      items: z.array(OrderItem).min(1),
      note: z.string().max(500).nullable().optional(),
    })
    .parse(req.body);
  res.status(201).json(order);
});

router.get('/:orderId(\\d+)', (req, res) => res.json({ id: req.params.orderId }));

const status = 'open';
router.get(`/by-status/${status}`, (req, res) => res.json([]));

module.exports = router;
