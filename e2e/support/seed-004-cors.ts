/** The first rule of seed 004's CORS example: `https://www.example1.com` may PUT and GET with any header. */
export const EXAMPLE1_CORS_RULE = {
  allowed_origins: ['https://www.example1.com'],
  allowed_methods: ['PUT', 'GET'],
  allowed_headers: ['*'],
  expose_headers: [],
  max_age_seconds: 10,
};
