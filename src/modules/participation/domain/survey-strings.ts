/**
 * User-facing text of online surveys (网络调查), in Simplified Chinese. Kept beside the survey rules
 * until it joins the module's `strings.ts`. Messages about one question name it by its number (第3题)
 * so that a summary at the top of the form reads on its own.
 */
export const SURVEY_TEXT = {
  kinds: { single: '单选题', multiple: '多选题', text: '填空题', scale: '量表题' },
  phases: { draft: '草稿', upcoming: '未开始', open: '进行中', closed: '已结束' },
  policies: {
    one_per_person: '每人限答一次（验证电子邮箱或手机号码）',
    per_device: (perAddressPerDay: number) => `每台设备限答一次，同一网络地址每天最多${perAddressPerDay}份`,
  },
  actionNotAllowed: (phase: string) => `该调查当前为“${phase}”，不能执行此操作。`,

  /** What keeps a survey from being published, field by field. */
  definition: {
    titleRequired: '请填写调查标题。',
    titleTooLong: (max: number) => `调查标题不能超过${max}个字。`,
    descriptionTooLong: (max: number) => `调查说明不能超过${max}个字。`,
    opensAtInvalid: '开始时间无效，请重新选择。',
    closesAtInvalid: '结束时间无效，请重新选择。',
    closesBeforeOpens: '结束时间应晚于开始时间。',
    closesInPast: '结束时间已过，请修改结束时间后再发布。',
    perAddressPerDay: (max: number) => `同一网络地址每天可提交的答卷数应为1至${max}之间的整数。`,
    noQuestions: '请至少添加一个问题。',
    tooManyQuestions: (max: number) => `一次调查最多${max}个问题，请精简或分成几次调查。`,
    questionIdInvalid: (n: number) => `第${n}题的编号无效，请删除该题后重新添加。`,
    questionIdDuplicate: (n: number) => `第${n}题的编号与前面的题目重复，请删除该题后重新添加。`,
    questionTitleRequired: (n: number) => `请填写第${n}题的题目。`,
    questionTitleTooLong: (n: number, max: number) => `第${n}题的题目不能超过${max}个字。`,
    tooFewOptions: (n: number) => `第${n}题至少需要两个选项。`,
    tooManyOptions: (n: number, max: number) => `第${n}题最多${max}个选项。`,
    optionRequired: (n: number, option: number) => `第${n}题的第${option}个选项是空的，请填写或删除。`,
    optionTooLong: (n: number, max: number) => `第${n}题的选项不能超过${max}个字。`,
    optionDuplicate: (n: number, label: string) => `第${n}题的选项“${label}”重复了。`,
    minSelectionsInvalid: (n: number) => `第${n}题的“最少选择几项”应为不小于1的整数。`,
    maxSelectionsInvalid: (n: number) => `第${n}题的“最多选择几项”应为不小于1的整数。`,
    minOverMax: (n: number) => `第${n}题的“最少选择几项”不能大于“最多选择几项”。`,
    maxOverOptions: (n: number, options: number) => `第${n}题的“最多选择几项”不能超过选项个数（${options}个）。`,
    textLengthInvalid: (n: number, max: number) => `第${n}题的字数上限应为1至${max}之间的整数。`,
    scaleBoundsInvalid: (n: number) => `第${n}题的量表分值应为整数，起点不小于0，终点大于起点。`,
    scaleTooWide: (n: number, max: number) => `第${n}题的量表最多${max}个分值（例如0至10）。`,
    scaleLabelRequired: (n: number) => `请填写第${n}题量表两端的说明（例如“非常不满意”和“非常满意”）。`,
    scaleLabelTooLong: (n: number, max: number) => `第${n}题量表两端的说明不能超过${max}个字。`,
  },

  /** What is wrong with a posted answer, one message per question. */
  answer: {
    required: (n: number) => `第${n}题为必答题，请作答。`,
    malformed: (n: number) => `第${n}题的回答格式不正确，请重新作答。`,
    chooseOne: (n: number) => `第${n}题只能选择一项。`,
    notOffered: (n: number) => `第${n}题的选择不在选项之中，请重新选择。`,
    repeated: (n: number) => `第${n}题有重复提交的选项，请重新选择。`,
    tooFew: (n: number, min: number) => `第${n}题至少选择${min}项。`,
    tooMany: (n: number, max: number) => `第${n}题最多选择${max}项。`,
    chooseExactly: (n: number, count: number) => `第${n}题须选择${count}项。`,
    oneText: (n: number) => `第${n}题只能填写一段文字。`,
    textTooLong: (n: number, max: number, actual: number) =>
      `第${n}题的回答不能超过${max}个字（现在是${actual}个字），请精简后提交。`,
    outOfScale: (n: number, from: number, to: number) => `第${n}题请在${from}至${to}之间选择一个分值。`,
  },

  /** Why a survey takes no answer now. */
  notOpenYet: '本次调查尚未开始，暂不接收答卷。',
  opensLater: (at: string) => `本次调查将于${at}开始，请届时参加。`,
  closed: (at: string) => `本次调查已于${at}结束，不再接收答卷。感谢您的关注。`,
  closedUndated: '本次调查已经结束，不再接收答卷。感谢您的关注。',

  /** Why one more answer from the same person, device or network address is refused. */
  notVerified: '本次调查每人限答一次，请先验证您的电子邮箱或手机号码。',
  alreadyAnswered: '您已参加过本次调查，每人只能提交一次。',
  deviceAnswered: '这台设备已参加过本次调查，每台设备只能提交一次。',
  addressLimit: (n: number) => `同一网络地址每天最多提交${n}份答卷，请明天再参加。`,

  /** The back office's survey form, where a block cannot even be read. */
  form: {
    kindInvalid: (n: number) => `第${n}题的题型无效，请重新选择。`,
  },

  /** The results as the page and the downloads give them. */
  results: {
    columns: ['题号', '题目', '题型', '选项或回答', '人数', '占比'],
    mean: (mean: number) => `平均分 ${mean.toFixed(1)}`,
    total: (n: number) => `答卷总数 ${n} 份`,
  },
} as const;
