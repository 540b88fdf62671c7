import { flattenUnits, DEMO_DISTRICT } from './district.ts';

/** The prefix of a unit's staff usernames ("jyj" for sfq-jyj). */
export function staffPrefix(unitCode: string): string {
  return unitCode === 'sfq' ? 'district' : unitCode.replace(/^sfq-/, '');
}

/** Who writes a unit's documents: its own staff, or for villages and utilities, the parent's. */
export function publisherFor(unitCode: string): string {
  const entry = flattenUnits(DEMO_DISTRICT).find((e) => e.unit.code === unitCode)!;
  if (entry.unit.type === 'department' || entry.unit.type === 'town' || entry.parentCode === null) return unitCode;
  return entry.parentCode;
}

export function dayOfYear(date: string): number {
  const start = Date.UTC(Number(date.slice(0, 4)), 0, 1);
  return Math.floor((Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000) + 1;
}

export function dateOfDay(year: number, day: number): string {
  return new Date(Date.UTC(year, 0, day)).toISOString().slice(0, 10);
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function guideHtml(): string {
  return [
    '<p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》第十二条，编制本指南。</p>',
    '<h2>一、主动公开</h2>',
    '<p>（一）公开范围：依照条例第十九条、第二十条、第二十一条规定应当主动公开的政府信息。</p>',
    '<p>（二）公开形式：通过本网站“政府信息公开”专栏统一公开，并通过政府公报、政务新媒体、政务服务中心查阅点等途径公开。</p>',
    '<p>（三）公开时限：属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开（条例第二十六条）。</p>',
    '<h2>二、依申请公开</h2>',
    '<p>公民、法人或者其他组织可以向区政府及其工作部门、镇人民政府（街道办事处）申请获取政府信息。具体办法见“依申请公开”栏目。</p>',
    '<h2>三、政府信息公开工作机构</h2>',
    '<p>名称：示范区人民政府办公室（演示）　办公时间：工作日上午9:00—12:00，下午13:30—17:00</p>',
    '<h2>四、监督和救济</h2>',
    '<p>公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。</p>',
    '<p>（示范区演示数据）</p>',
  ].join('\n');
}

export function annualReportHtml(name: string, year: number): string {
  return [
    `<p>本报告根据《中华人民共和国政府信息公开条例》第五十条和国办公开办函〔2021〕30号规定的格式编制，所列数据统计期限为${year}年1月1日至12月31日。（示范区演示数据）</p>`,
    '<h2>一、总体情况</h2>',
    `<p>${year}年，${name}坚持以公开为常态、不公开为例外，在本网站政府信息公开专栏统一公开政府信息。</p>`,
    '<h2>二、主动公开政府信息情况</h2>',
    '<table><thead><tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr></thead><tbody><tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>行政规范性文件</td><td>3</td><td>1</td><td>12</td></tr></tbody></table>',
    '<h2>三、收到和处理政府信息公开申请情况</h2>',
    '<p>本年新收政府信息公开申请（演示数据），均在法定期限内答复。</p>',
    '<h2>四、政府信息公开行政复议、行政诉讼情况</h2>',
    '<p>本年无因政府信息公开引起的行政复议、行政诉讼。</p>',
    '<h2>五、存在的主要问题及改进情况</h2>',
    '<p>部分基层单位标准目录更新不够及时，下一步将加强日常监测。</p>',
    '<h2>六、其他需要报告的事项</h2>',
    '<p>本年未收取信息处理费。</p>',
  ].join('\n');
}
