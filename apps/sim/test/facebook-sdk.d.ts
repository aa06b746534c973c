/** The part of facebook-nodejs-business-sdk the sim's tests use (the SDK ships Flow, not TypeScript, types). */
declare module 'facebook-nodejs-business-sdk' {
  export class FacebookAdsApi {
    constructor(token: string);
    /** A Graph call; `urlOverride` replaces the Graph host, which is how the SDK is pointed at the sim. */
    call(method: string, path: string | string[], params?: object, files?: object, multipart?: boolean, urlOverride?: string): Promise<unknown>;
  }
}
