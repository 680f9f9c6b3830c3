-- Headless Neovim test of editors/nvim, enabled with `vim.lsp.enable('clio')` alone: diagnostics, hover, a quick fix, the "don't check this line" fix, filetypes, the balance lens, the outline's sides, :help clio, :Clio lookup, :Clio timeline and :checkhealth, against the real clio-ls.
local dir = assert(os.getenv('CLIO_TEST_DIR'), 'CLIO_TEST_DIR not set')
local rtp = assert(os.getenv('CLIO_NVIM_RTP'), 'CLIO_NVIM_RTP not set')
local failures = {}
local function check(ok, what)
  if ok then
    io.stdout:write('ok   ' .. what .. '\n')
  else
    io.stdout:write('FAIL ' .. what .. '\n')
    table.insert(failures, what)
  end
end
local function finish()
  if #failures > 0 then
    io.stdout:write(#failures .. ' check(s) failed\n')
    vim.cmd('cquit 1')
  end
  io.stdout:write('all Neovim checks passed\n')
  vim.cmd('qall!')
end
local function date_diags(buf)
  return vim.tbl_filter(function(d)
    return d.code == 'dubious-date'
  end, vim.diagnostic.get(buf))
end
local function clio_client(buf)
  return vim.lsp.get_clients({ bufnr = buf, name = 'clio' })[1]
end

-- What the plugin tells the user, kept for the checks (headless Neovim would print it mid-line).
local notified = {}
vim.notify = function(msg)
  table.insert(notified, msg)
end

-- Only what a user's init.lua would hold: the runtimepath (nvim.sh) and this line.
vim.lsp.enable('clio')

-- 1-4. Markdown: the finding, the hover card, the quick fix and the finding gone after it.
local function check_markdown()
  vim.cmd('edit ' .. dir .. '/essay.md')
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(20000, function()
    return #date_diags(buf) > 0
  end, 100)
  local diags = date_diags(buf)
  check(#vim.lsp.get_clients({ bufnr = buf, name = 'clio' }) == 1, 'clio-ls attached to the markdown buffer')
  check(#diags == 1, 'one dubious-date diagnostic (got ' .. #diags .. ')')
  local d = diags[1] or {}
  check(d.lnum == 2, 'diagnostic on line 3 (lnum 2), got ' .. tostring(d.lnum))
  check(d.source == 'clio', 'diagnostic source is clio')
  local line = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
  check(d.col and line:sub(d.col + 1, d.end_col) == '1931', 'diagnostic covers 1931')
  local client = clio_client(buf)
  if not client then
    return
  end

  local kirov_col = line:find('Kirov') - 1
  local res = client:request_sync('textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = 2, character = kirov_col + 1 },
  }, 5000, buf)
  local hover = res and res.result and res.result.contents and res.result.contents.value or ''
  check(hover:find('Sergei Kirov', 1, true) ~= nil, 'hover shows the Kirov card')
  check(hover:find('1934', 1, true) ~= nil, 'hover card gives 1934')

  local actions = client:request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = d.lnum or 0, character = d.col or 0 }, ['end'] = { line = d.end_lnum or 0, character = d.end_col or 0 } },
    context = { diagnostics = {}, only = { 'quickfix' } },
  }, 5000, buf)
  local fix
  for _, a in ipairs(actions and actions.result or {}) do
    if a.edit and a.title:find('1934', 1, true) then
      fix = a
    end
  end
  check(fix ~= nil, 'a quick fix offers 1934')
  if fix then
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  end
  local fixed = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
  check(fixed == 'Kirov was murdered in 1934.', 'buffer after the fix: ' .. tostring(fixed))
  vim.wait(10000, function()
    return #date_diags(buf) == 0
  end, 100)
  check(#date_diags(buf) == 0, 'dubious-date cleared after the fix')
end

-- 4b. "Don't check this line for dubious-date": the comment inserted, and the finding gone.
local function check_disable()
  vim.cmd('edit ' .. dir .. '/silence.md')
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(20000, function()
    return #date_diags(buf) > 0
  end, 100)
  local d = date_diags(buf)[1]
  local client = clio_client(buf)
  check(d ~= nil and client ~= nil, 'silence.md: a dubious date to silence')
  if not (d and client) then
    return
  end
  local actions = client:request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = {}, only = { 'quickfix' } },
  }, 5000, buf)
  local silence
  for _, a in ipairs(actions and actions.result or {}) do
    if a.title == "Don't check this line for dubious-date" then
      silence = a
    end
  end
  check(silence ~= nil, 'a quick fix offers "Don\'t check this line for dubious-date"')
  if not silence then
    return
  end
  vim.lsp.util.apply_workspace_edit(silence.edit, client.offset_encoding)
  local first = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
  check(first == '<!-- clio-disable-next-line dubious-date -->', 'the comment goes on the line before: ' .. tostring(first))
  vim.wait(10000, function()
    return #date_diags(buf) == 0
  end, 100)
  check(#date_diags(buf) == 0, 'dubious-date gone after the comment')
end

-- 5. Every filetype the plugin claims: the server attaches, reads the format, and flags the
-- planted date on the expected line only (in essay.pandoc the fenced copy is code, not prose).
local function check_filetypes()
  local cases = {
    { file = 'essay.qmd', ft = 'quarto', lnum = 3 }, -- after three lines of YAML front matter
    { file = 'essay.rmd', ft = 'rmd', lnum = 3 },
    { file = 'essay.pandoc', ft = 'pandoc', lnum = 0 },
    { file = 'essay.tex', ft = 'tex', lnum = 2 },
    { file = 'plain.tex', ft = 'plaintex', lnum = 0 },
    { file = 'essay.mkiv', ft = 'context', lnum = 1 },
    { file = 'notes.txt', ft = 'text', lnum = 0 },
  }
  for _, c in ipairs(cases) do
    vim.cmd('edit ' .. dir .. '/' .. c.file)
    local buf = vim.api.nvim_get_current_buf()
    vim.wait(10000, function()
      return #date_diags(buf) > 0
    end, 100)
    local lnums = vim.tbl_map(function(d)
      return d.lnum
    end, date_diags(buf))
    check(vim.bo[buf].filetype == c.ft, ('%s has filetype %s (got %s)'):format(c.file, c.ft, vim.bo[buf].filetype))
    check(clio_client(buf) ~= nil, c.file .. ': clio-ls attached')
    check(vim.deep_equal(lnums, { c.lnum }), ('%s: one dubious-date, on line %d (got lines %s)'):format(c.file, c.lnum + 1, vim.inspect(lnums)))
  end
end

-- 6. The balance lens, drawn by Neovim, and refreshed after an edit.
local function lens_texts(buf)
  local texts = {}
  for _, m in ipairs(vim.api.nvim_buf_get_extmarks(buf, -1, 0, -1, { details = true })) do
    for _, chunk in ipairs(m[4].virt_text or {}) do
      table.insert(texts, chunk[1])
    end
  end
  return table.concat(texts, ' ')
end
local function check_codelens()
  vim.cmd('edit ' .. dir .. '/argument.md')
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(15000, function()
    return lens_texts(buf):find('argument balance', 1, true) ~= nil
  end, 100)
  local shown = lens_texts(buf)
  check(shown:find('Clio · argument balance: 1 continuity, 0 rupture', 1, true) ~= nil, 'the balance lens shows on argument.md: ' .. shown)
  -- The outline (what a symbol picker lists): the paragraph named by the side it argues.
  local client = clio_client(buf)
  local res = client and client:request_sync('textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(buf) } }, 5000, buf)
  local names = vim.tbl_map(function(s)
    return s.name
  end, res and res.result or {})
  check(#names == 1 and vim.startswith(names[1], 'continuity · terror: '), 'the document symbols list the side argued: ' .. vim.inspect(names))
  -- Without the claim there is no balance to show: the lens must go once the edit is seen.
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, { 'Kirov was born in 1886.' })
  -- Neovim raises TextChanged from its main loop, which a script never returns to; raise it as
  -- the loop would after a keystroke. What is tested is that the plugin refreshes on it.
  vim.api.nvim_exec_autocmds('TextChanged', { buffer = buf })
  vim.wait(10000, function()
    return lens_texts(buf):find('argument balance', 1, true) == nil
  end, 100)
  check(lens_texts(buf):find('argument balance', 1, true) == nil, 'the lens goes after the claim is deleted (refresh on TextChanged)')
end

-- 7. :help clio, with the tags generated here as a plugin manager would; every link resolves.
local function check_help()
  vim.cmd('helptags ' .. rtp .. '/doc')
  local ok, err = pcall(vim.cmd, 'help clio')
  check(ok, ':help clio opens ' .. (ok and '' or tostring(err)))
  check(vim.bo.buftype == 'help' and vim.fn.expand('%:t') == 'clio.txt', ':help clio shows clio.txt (got ' .. vim.fn.expand('%:t') .. ')')
  check(vim.api.nvim_get_current_line():find('*clio*', 1, true) ~= nil, ':help clio lands on the *clio* tag')
  local text = table.concat(vim.fn.readfile(rtp .. '/doc/clio.txt'), '\n')
  local broken = {}
  for link in text:gmatch('|([^|%s]+)|') do
    if not pcall(vim.cmd, 'help ' .. vim.fn.escape(link, ' ')) then
      table.insert(broken, link)
    end
  end
  check(#broken == 0, 'every |link| in clio.txt resolves ' .. vim.inspect(broken))
  vim.cmd('helpclose')
end

-- 8. :Clio lookup Kirov opens a floating window with the card; lookup() returns that window.
local function float_with(text)
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      local lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false)
      if table.concat(lines, '\n'):find(text, 1, true) then
        return win
      end
    end
  end
end
local function close_floats()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      vim.api.nvim_win_close(win, true)
    end
  end
end
local function check_lookup()
  vim.cmd('edit ' .. dir .. '/essay.md')
  close_floats()
  vim.cmd('Clio lookup Kirov')
  local win = float_with('Sergei Kirov')
  check(win ~= nil, ':Clio lookup Kirov opens a floating window with the Kirov card')
  if win then
    local title = vim.api.nvim_win_get_config(win).title
    check(vim.inspect(title):find('Clio: Kirov', 1, true) ~= nil, 'the float is titled "Clio: Kirov" (got ' .. vim.inspect(title) .. ')')
  end
  close_floats()
  local fwin, fbuf = require('clio').lookup('Lenin')
  check(type(fwin) == 'number' and fwin == float_with('Lenin'), "require('clio').lookup('Lenin') returns the float it opened")
  check(type(fbuf) == 'number' and vim.api.nvim_win_get_buf(fwin or 0) == fbuf, 'and the float’s buffer')
  close_floats()
  local none, why = require('clio').lookup('Qwxyzzy')
  check(none == nil and float_with('Qwxyzzy') == nil and tostring(why):find('no card', 1, true) ~= nil, 'an unknown name opens no float: ' .. tostring(why))
  check(notified[#notified] == why, 'and tells the user why (vim.notify)')
  vim.api.nvim_win_set_cursor(0, { 3, 1 }) -- on "Kirov"
  vim.cmd('Clio lookup')
  check(float_with('Sergei Kirov') ~= nil, ':Clio lookup with no name looks up the word under the cursor')
  close_floats()
end

-- 9. :Clio timeline fills the quickfix list with the essay's dated claims, each where its date
-- is written (past a multi-byte dash, so the server's columns must be converted), and opens it.
local function check_timeline()
  vim.cmd('edit ' .. dir .. '/timeline.md')
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(20000, function()
    return #date_diags(buf) > 0
  end, 100)
  vim.fn.setqflist({}, 'f')
  vim.cmd('Clio timeline')
  local qf = vim.fn.getqflist({ items = 0, title = 0, winid = 0 })
  local texts, at, types = {}, {}, {}
  for _, item in ipairs(qf.items) do
    table.insert(texts, item.text)
    table.insert(types, item.type)
    local line = vim.api.nvim_buf_get_lines(item.bufnr, item.lnum - 1, item.lnum, false)[1] or ''
    local stop = item.end_lnum == item.lnum and item.end_col - 1 or #line
    table.insert(at, ('%d:%s'):format(item.lnum, line:sub(item.col, stop)))
  end
  check(vim.deep_equal(texts, {
    '“1931” contradicts the record: 1934',
    '“1911” is not in the record',
    '“January 1924” matches the record: Vladimir Ilyich Lenin died 21 January 1924',
  }), ':Clio timeline lists each date, its verdict and the record: ' .. vim.inspect(texts))
  check(vim.deep_equal(at, { '3:1931', '5:1911', '5:January 1924' }), 'each item points at its date in the buffer: ' .. vim.inspect(at))
  check(vim.deep_equal(types, { 'W', 'N', 'I' }), 'a contradiction is a warning, a match information, the rest a note: ' .. vim.inspect(types))
  check(qf.title == 'Clio timeline: timeline.md', 'the list is titled after the essay: ' .. tostring(qf.title))
  check(qf.winid ~= 0, 'and the quickfix window is open')
  vim.cmd('cclose')
  -- An essay without a date: an empty list, a message, no window.
  vim.cmd('edit ' .. dir .. '/nodates.md')
  local plain = vim.api.nvim_get_current_buf()
  vim.wait(10000, function()
    return clio_client(plain) ~= nil
  end, 100)
  local items = require('clio').timeline()
  local empty = vim.fn.getqflist({ items = 0, winid = 0 })
  check(type(items) == 'table' and #items == 0 and #empty.items == 0 and empty.winid == 0, 'an essay without dates gets an empty list and no window')
  check(notified[#notified] == 'clio: nodates.md has no dated claims', 'and a message: ' .. tostring(notified[#notified]))
end

-- 10. :checkhealth clio finds the server and reports no error.
local function check_health()
  vim.cmd('checkhealth clio')
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  check(report:find('found ' .. vim.fn.exepath('clio-ls'), 1, true) ~= nil, ':checkhealth clio finds clio-ls')
  check(report:find('clio client(s) running', 1, true) ~= nil, ':checkhealth clio sees the running client')
  check(report:find('ERROR', 1, true) == nil, ':checkhealth clio reports no ERROR')
  vim.cmd('bwipeout!')
end

-- A step that throws fails the test there and the others still run (an uncaught error would
-- leave headless Neovim waiting until nvim.sh's timeout).
local steps = {
  { 'markdown', check_markdown },
  { 'disable comment', check_disable },
  { 'filetypes', check_filetypes },
  { 'code lens', check_codelens },
  { 'help', check_help },
  { 'lookup', check_lookup },
  { 'timeline', check_timeline },
  { 'health', check_health },
}
for _, step in ipairs(steps) do
  local ok, err = xpcall(step[2], debug.traceback)
  if not ok then
    check(false, 'the ' .. step[1] .. ' step raised an error: ' .. tostring(err))
  end
end
finish()
