// Gongkai: an online interview's page follows its event stream while announced or live, appending
// new transcript entries and newly shown questions as they come. Without JavaScript (or without
// EventSource) the page's 刷新 link and a reload show everything; the server ends each stream after a
// few minutes and the browser reconnects from the last event it had (Last-Event-ID).
(function () {
  'use strict';
  var page = document.querySelector('[data-interview-live]');
  if (!page || typeof window.EventSource !== 'function') return;
  var url =
    page.getAttribute('data-interview-live') + '?from=' + encodeURIComponent(page.getAttribute('data-revision') || '0');
  var transcript = document.getElementById('transcript-list');
  var questions = document.getElementById('question-list');
  var stateTag = document.getElementById('interview-state');
  var LABELS = { draft: '草稿', scheduled: '预告中', live: '直播中', ended: '已结束', cancelled: '已取消' };

  function time(iso) {
    var d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString();
    return d.slice(11, 16);
  }
  function dateTime(iso) {
    var d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString();
    return d.slice(0, 10) + ' ' + d.slice(11, 16);
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function dropEmptyNotice(list) {
    var next = list.nextElementSibling;
    if (next && next.classList.contains('empty')) next.remove();
  }
  function markAnswered(id) {
    var item = document.getElementById('q-' + id);
    if (!item || item.querySelector('.answered')) return;
    var meta = item.querySelector('p');
    meta.appendChild(document.createTextNode(' '));
    meta.appendChild(el('span', 'tag answered', '已回答'));
  }
  function addEntry(entry) {
    if (document.getElementById('e-' + entry.id)) return;
    var item = el('li', 'transcript-entry speaker-' + entry.speakerKind);
    item.id = 'e-' + entry.id;
    var meta = el('p', 'small');
    meta.appendChild(el('strong', '', entry.speaker));
    meta.appendChild(document.createTextNode(' '));
    meta.appendChild(el('span', 'muted', time(entry.saidAt)));
    item.appendChild(meta);
    item.appendChild(el('p', 'comment-body', entry.body));
    transcript.appendChild(item);
    dropEmptyNotice(transcript);
    if (entry.questionId && entry.speakerKind !== 'question') markAnswered(entry.questionId);
  }
  function addQuestion(question) {
    if (document.getElementById('q-' + question.id)) return;
    var item = el('li', 'comment');
    item.id = 'q-' + question.id;
    item.appendChild(el('p', 'muted small', (question.name || '网友') + ' · ' + dateTime(question.createdAt)));
    item.appendChild(el('p', 'comment-body', question.body));
    questions.appendChild(item);
    dropEmptyNotice(questions);
    if (question.answered) markAnswered(question.id);
  }
  var source = new window.EventSource(url);
  source.addEventListener('entry', function (event) {
    addEntry(JSON.parse(event.data));
  });
  source.addEventListener('question', function (event) {
    addQuestion(JSON.parse(event.data));
  });
  source.addEventListener('state', function (event) {
    var state = JSON.parse(event.data).state;
    page.setAttribute('data-state', state);
    if (stateTag) stateTag.textContent = LABELS[state] || state;
    if (state === 'ended' || state === 'cancelled') source.close();
  });
})();
