import '@fastify/cookie';

declare module 'fastify' {
  interface FastifyRequest {
    /** 适老化: large type and high contrast, remembered in a cookie. */
    elderMode: boolean;
  }
}

export const ELDER_COOKIE = 'gk_elder';
export const FLASH_COOKIE = 'gk_flash';
