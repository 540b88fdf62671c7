/** Where residents' messages live on the public site (互动交流 › 政民互动) and in the back office. */
export const MESSAGES_PATH = '/hdjl/liuyan/';
export const WRITE_PATH = '/hdjl/liuyan/xie';
export const TRACK_PATH = '/hdjl/liuyan/cx';
export const RATE_PATH = '/hdjl/liuyan/pingjia';
export const STATS_PATH = '/hdjl/liuyan/tongji';
export const ADMIN_MESSAGES_PATH = '/admin/participation/messages';

export const messagePath = (id: string) => `${MESSAGES_PATH}${id}`;
export const adminMessagePath = (id: string) => `${ADMIN_MESSAGES_PATH}/${id}`;
