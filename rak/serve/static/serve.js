// rak serve: uploads with a progress bar, and a job's page kept up to date.
// Nothing is fetched from anywhere but this server; every text is set as text.
"use strict";
(function () {
  const words = JSON.parse(document.getElementById("words").textContent);
  const say = (key, values) =>
    (words[key] || key).replace(/\{(\w+)\}/g, (_, k) => (values && k in values ? values[k] : ""));
  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };
  const RECENT = "rak-serve-jobs";

  function remember(id, label) {
    const list = JSON.parse(localStorage.getItem(RECENT) || "[]").filter((j) => j.id !== id);
    list.unshift({ id, label, at: Date.now() });
    localStorage.setItem(RECENT, JSON.stringify(list.slice(0, 10)));
  }

  function showRecent() {
    const box = document.getElementById("recent");
    if (!box) return;
    const list = JSON.parse(localStorage.getItem(RECENT) || "[]");
    if (!list.length) return;
    const ul = box.querySelector("ul");
    for (const j of list) {
      const li = el("li");
      li.appendChild(el("a", { href: "/jobs/" + encodeURIComponent(j.id) }, j.label));
      ul.appendChild(li);
    }
    box.hidden = false;
  }

  function uploadForm(form) {
    const input = form.querySelector("input[type=file]");
    const chosen = form.querySelector(".chosen");
    const button = form.querySelector("button");
    const message = document.getElementById("message");
    const bar = document.getElementById("upload");
    const named = () => {
      chosen.textContent = Array.from(input.files).map((f) => f.name).join(", ");
      button.disabled = !input.files.length;
    };
    input.addEventListener("change", named);
    form.addEventListener("dragover", (e) => { e.preventDefault(); form.classList.add("over"); });
    form.addEventListener("dragleave", () => form.classList.remove("over"));
    form.addEventListener("drop", (e) => {
      e.preventDefault();
      form.classList.remove("over");
      input.files = e.dataTransfer.files;
      named();
    });
    form.addEventListener("click", (e) => {
      if (e.target === form || e.target.classList.contains("big")) input.click();
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (!input.files.length) return;
      // Said before sending what the server would refuse (413) after the whole upload.
      const bytes = Array.from(input.files).reduce((n, f) => n + f.size, 0);
      if (bytes > Number(form.dataset.maxBytes)) { message.textContent = say("too_big"); return; }
      if (input.files.length > Number(form.dataset.maxFiles)) {
        message.textContent = say("too_many");
        return;
      }
      const data = new FormData();
      for (const f of input.files) data.append("file", f, f.name);
      data.append("lang", document.documentElement.lang);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/jobs");
      xhr.responseType = "json";
      bar.hidden = false;
      button.disabled = true;
      message.textContent = "";
      xhr.upload.onprogress = (p) => {
        if (p.lengthComputable) bar.querySelector(".fill").style.width =
          Math.round((100 * p.loaded) / p.total) + "%";
      };
      xhr.onload = () => {
        const body = xhr.response || {};
        if (xhr.status === 202 && body.id) {
          const names = Array.from(input.files).map((f) => f.name);
          remember(body.id, names.length > 1 ? names.length + " × " + names[0] : names[0]);
          window.location.href = "/jobs/" + encodeURIComponent(body.id);
        } else {
          bar.hidden = true;
          button.disabled = false;
          message.textContent = body.error || xhr.status + " " + xhr.statusText;
        }
      };
      xhr.onerror = () => {
        bar.hidden = true;
        button.disabled = false;
        message.textContent = say("upload_failed");
      };
      xhr.send(data);
    });
    named();
  }

  function statusCell(file) {
    const td = el("td");
    td.appendChild(el("span", { class: "status " + file.status_code }, file.status));
    return td;
  }

  function fileRows(tbody, job) {
    tbody.replaceChildren();
    for (const f of job.files) {
      const tr = el("tr", { "data-status": f.status_code });
      tr.appendChild(el("td", {}, f.file));
      tr.appendChild(statusCell(f));
      for (const k of ["errors", "warnings", "infos"]) tr.appendChild(el("td", { class: "n" }, f[k]));
      tr.appendChild(el("td", {}, f.reason || ""));
      tbody.appendChild(tr);
    }
  }

  function link(href, text, cls) {
    return el("a", { href, class: "button " + (cls || "light") }, text);
  }

  function finished(job, page) {
    const box = page.querySelector(".downloads");
    box.replaceChildren(el("b", {}, say("downloads")));
    const one = job.files.length === 1 ? job.files[0] : null;
    const frame = page.querySelector("iframe.report");
    if (one && one.reports && one.reports.html) {
      const base = "/jobs/" + job.id + "/out/";
      box.appendChild(link(base + one.reports.html + "?download=1", say("dl_report")));
      box.appendChild(link(base + one.reports.json, say("dl_json")));
      box.appendChild(link(base + one.reports.csv, say("dl_csv")));
      box.appendChild(link("/jobs/" + job.id + "/files/0.xlsx", say("dl_xlsx"), "xlsx"));
      frame.src = base + one.reports.html;
      frame.hidden = false;
      page.querySelector(".reupload").hidden = false;
    } else if (!one) {
      const d = job.downloads || {};
      for (const name of ["ringkasan.xlsx", "ringkasan.csv", "rows.csv", "laporan.zip"]) {
        if (d[name]) box.appendChild(link(d[name], name));
      }
      if (d["index.html"]) { frame.src = d["index.html"]; frame.hidden = false; }
    }
    box.hidden = box.children.length < 2;
    if (job.expires) {
      page.querySelector(".kept").textContent =
        say("kept_until", { time: new Date(job.expires * 1000).toLocaleString(
          document.documentElement.lang === "id" ? "id-ID" : "en-GB") });
    }
  }

  function jobPage(page) {
    const id = page.dataset.job;
    const fill = page.querySelector(".progress .fill");
    const said = page.querySelector(".progress .words");
    const tbody = page.querySelector("table.files tbody");
    const message = document.getElementById("message");
    const frame = page.querySelector("iframe.report");
    frame.addEventListener("load", () => {
      try {
        frame.style.height = frame.contentDocument.documentElement.scrollHeight + 40 + "px";
      } catch (e) { /* not ours to measure */ }
    });
    const poll = () => {
      fetch("/api/jobs/" + encodeURIComponent(id), { credentials: "same-origin" })
        .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
        .then(({ ok, body }) => {
          if (!ok) { message.textContent = body.error || ""; return; }
          const job = body;
          const total = job.files_total;
          if (job.files.length === 1) page.querySelector("h1").textContent = job.files[0].file;
          page.dataset.state = job.state;
          if (job.state === "done" || job.state === "failed") {
            fill.classList.remove("busy");
            fill.style.width = "100%";
            said.textContent = say("files_done", { done: job.files_done, total });
            fileRows(tbody, job);
            if (job.error) message.textContent = job.error;
            page.querySelector(".progress").hidden = job.files.length === 1;
            // Done, the report (or the summary, index.html) below says it all; the lines
            // stay for a file that could not be read and a job that failed.
            const unread = job.files.some((f) =>
              f.status_code === "unreadable" || f.status_code === "skipped");
            page.querySelector("table.files").hidden =
              !job.error && (job.files.length > 1 || !unread);
            finished(job, page);
            return;
          }
          if (job.pages_total) {
            fill.classList.remove("busy");
            fill.style.width = Math.round((100 * job.pages_done) / job.pages_total) + "%";
            said.textContent = say("running") + ": " +
              say("pages", { done: job.pages_done, total: job.pages_total });
          } else if (total > 1) {
            fill.classList.remove("busy");
            fill.style.width = Math.round((100 * job.files_done) / total) + "%";
            said.textContent = say("files_done", { done: job.files_done, total });
          } else {
            fill.classList.add("busy");
            said.textContent = say(job.state === "queued" ? "queued" : "running");
          }
          fileRows(tbody, job);
          setTimeout(poll, 700);
        })
        .catch(() => setTimeout(poll, 2000));
    };
    poll();
  }

  document.querySelectorAll("form.drop").forEach(uploadForm);
  const page = document.querySelector("[data-job]");
  if (page) jobPage(page);
  showRecent();
})();
