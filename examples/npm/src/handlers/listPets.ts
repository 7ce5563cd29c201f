// Written by hand: bk-scaffold created a stub here once; `npm run build`
// regenerates src/generated/ and never touches this file.
import type { ListPetsHandler } from '../generated/types.js';

const pets = [
  { id: 1, name: 'Rex' },
  { id: 2, name: 'Tom' },
];

export const listPets: ListPetsHandler = async (request) => {
  return { status: 200, body: pets.slice(0, request.query.limit) };
};
