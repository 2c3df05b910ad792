create table sample (id int primary key);
