/**
 * The site's identity, shown in the banner and the footer of every page. 国办发〔2017〕47号
 * (政府网站发展指引) requires every government site to show its 网站标识码, ICP 备案号 and 公安机关备案号
 * in the footer, with the 主办单位 and contact details.
 */
export type SiteIdentity = {
  siteName: string;
  districtName: string;
  organizer: string;
  siteIdentifier: string;
  icpNumber: string;
  policeNumber: string;
  contactPhone: string;
  contactAddress: string;
  /** The demo district is loaded: every page says so, and demo logins need no second factor. */
  isDemo: boolean;
};
